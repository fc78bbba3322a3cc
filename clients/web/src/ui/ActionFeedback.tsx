/** The outcome of a control's last action: the refusal as an alert, or the success note as a status. */
export function ActionFeedback({ error, done, id }: { error: string | null; done?: string | null; id?: string }) {
  if (error)
    return (
      <p className="error" role="alert" id={id}>
        {error}
      </p>
    );
  if (done)
    return (
      <p className="ok" role="status" id={id}>
        {done}
      </p>
    );
  return null;
}
