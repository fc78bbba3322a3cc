import type { ReactNode } from "react";
import { Section } from "./Section";

// The whole-page states every screen has before it can show a game: loading, and a failure with the way back.

export function LoadingScreen({ text, banner }: { text: string; banner?: ReactNode }) {
  return (
    <main className="centered">
      {banner}
      <p>{text}</p>
    </main>
  );
}

export function ErrorScreen({ title, message }: { title: string; message: string }) {
  return (
    <main className="centered">
      <Section title={title}>
        <p className="error" role="alert">
          {message}
        </p>
        <BackToStart />
      </Section>
    </main>
  );
}

export function BackToStart() {
  return <a href="#/">Back to the start page</a>;
}
