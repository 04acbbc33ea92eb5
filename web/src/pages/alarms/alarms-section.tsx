/** The Alarms section: the active list at /alarms, the journal at /alarms/journal. */
import { useLocation } from '../../lib/router';
import { NotFoundPage } from '../not-found-page';
import { AlarmListPage } from './alarm-list-page';
import { JournalPage } from './journal-page';

export function AlarmsSection() {
  const { path } = useLocation();
  if (path === '/alarms') return <AlarmListPage />;
  if (path === '/alarms/journal') return <JournalPage />;
  return <NotFoundPage />;
}
