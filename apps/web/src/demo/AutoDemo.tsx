/** Placeholder for the scripted tour (VITE_DEMO_MODE=true only); the web client issue fills it. */
export function AutoDemo() {
  return <div className="demo" data-testid="autodemo" aria-hidden="true" />;
}
