import type { ApplicationStatus } from '../applications';

/** What an `application_status` notification is about (ids and the status, no personal data). */
export interface ApplicationStatusNotificationParams {
  applicationId: string;
  code: string;
  status: ApplicationStatus;
}

/**
 * An `application_repriced` notification (a retroactive program version raised the claim's
 * subsidy, issue 15): the status notice's params plus the amounts and the new version.
 */
export interface ApplicationRepricedNotificationParams extends ApplicationStatusNotificationParams {
  fromFen: number;
  toFen: number;
  version: number;
}

/** One entry of `GET /api/me/notifications` (newest first, the last 100). */
export interface ResidentNotification {
  id: string;
  /** `application_status`, `application_repriced` (then `params` also has the amounts), … */
  kind: string;
  params: ApplicationStatusNotificationParams & Partial<ApplicationRepricedNotificationParams>;
  /** The Chinese text the SMS carried. */
  text: string;
  createdAt: string;
  read: boolean;
}
