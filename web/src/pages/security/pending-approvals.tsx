/** Writes waiting for a second person, on the Security page: approvers decide here or on the Writes page. */
import { writes } from '../../api/security';
import { ProblemNotice } from '../../components/problem-notice';
import { allows, useSession } from '../../components/session';
import { Link } from '../../lib/router';
import { usePoll } from '../../lib/use-poll';
import { PendingWrites } from '../writes/pending-writes';

export function PendingApprovals() {
  const { session } = useSession();
  const pending = usePoll('pending-approvals', (signal) => writes.list({ state: 'pending', limit: 50 }, signal), 5000);
  const list = pending.data?.writes ?? [];
  const decides = allows(session, ['approve', 'write']);
  return (
    <div data-testid="pending-approvals">
      <ProblemNotice error={pending.error} />
      <p>
        {list.length === 0 ? 'No write is waiting for approval.' : `${list.length} ${list.length === 1 ? 'write is' : 'writes are'} waiting for a second person's approval.`}{' '}
        {decides ? <Link to="/writes">Open the Writes page</Link> : <span className="muted">Approvers decide on the Writes page.</span>}
      </p>
      {decides && list.length > 0 ? <PendingWrites pending={list} onDone={pending.reload} /> : null}
    </div>
  );
}
