/**
 * The review workbench's shared vocabulary (operations.md §7): the two stages of a claim in review,
 * the SLA clock, and the risk signals with their weights. The API computes with these and the console
 * shows them, so both read them from here.
 */
export * from './sla';
export * from './risk';
export * from './reasons';

/** Where a claim in `in_review` stands: first review, or waiting for the four-eyes second approval. */
export const REVIEW_STAGES = ['review', 'second_approval'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
