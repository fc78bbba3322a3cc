import { FacilitatorConsole } from "./features/facilitation/FacilitatorConsole";
import { Landing } from "./features/landing/Landing";
import { GamePage } from "./features/play/GamePage";
import { ReplayViewer } from "./features/replay/ReplayViewer";
import { useRoute } from "./router";

export function App() {
  const route = useRoute();
  switch (route.name) {
    case "game":
      return <GamePage key={route.gameId} gameId={route.gameId} />;
    case "facilitate":
      return <FacilitatorConsole key={route.gameId} gameId={route.gameId} />;
    case "replay":
      return <ReplayViewer key={route.gameId ?? "file"} gameId={route.gameId} />;
    default:
      return <Landing code={route.code} />;
  }
}
