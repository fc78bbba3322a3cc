import { FacilitatorConsole } from "./screens/FacilitatorConsole";
import { GamePage } from "./screens/GamePage";
import { Landing } from "./screens/Landing";
import { ReplayViewer } from "./screens/ReplayViewer";
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
      return <Landing />;
  }
}
