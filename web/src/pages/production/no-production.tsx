/** A hub whose config has no production block: said plainly, without asking the routes that would answer 404. */
export function NoProduction() {
  return (
    <div className="notice info" role="status" data-testid="no-production">
      <strong>This hub tracks no production: its config has no production block.</strong>
      <div className="hint">Add production: with the lines, products and shifts to the config (see the README, &quot;For ERP integrators&quot;), then restart the hub.</div>
    </div>
  );
}
