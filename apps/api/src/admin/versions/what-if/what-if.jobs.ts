import { defineJob } from '../../../queue/jobs';

export interface WhatIfPayload {
  /** Random per request: two what-ifs of one draft are two jobs. */
  runId: string;
  programId: string;
  programCode: string;
  versionId: string;
  version: number;
  /** How many claims the request counted (the progress's first total). */
  total: number;
}

/** A large program's what-if (queue `programs`), added by the route, not the outbox (no transaction). */
export const WHAT_IF = defineJob({
  queue: 'programs',
  name: 'programs.what-if',
  jobId: ({ runId }: WhatIfPayload) => `what-if-${runId}`,
});
