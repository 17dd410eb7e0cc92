// This tab's urgent reads (overview cards' newest pages), shared by every window query and by the
// work that can wait for them (the rest of each card's week, code fetched ahead for later pages).
import { createUrgentGate } from '@/domain/sync-runs/fetching/urgent-gate';

export const urgentReads = createUrgentGate();
