import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { hubProtocol } from "./api/commands";
import "./styles.css";

// Record the tab's hub protocol from the address it was opened with: its first hub connection may come only after
// the tab has moved on to an address without ?protocol=.
hubProtocol();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
