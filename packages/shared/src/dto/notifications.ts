import type { ApplicationStatus } from '../applications';

/** What an `application_status` notification is about (ids and the status, no personal data). */
export interface ApplicationStatusNotificationParams {
  applicationId: string;
  code: string;
  status: ApplicationStatus;
}

/** One entry of `GET /api/me/notifications` (newest first, the last 100). */
export interface ResidentNotification {
  id: string;
  /** Today always `application_status`. */
  kind: string;
  params: ApplicationStatusNotificationParams;
  /** The Chinese text the SMS carried. */
  text: string;
  createdAt: string;
  read: boolean;
}
