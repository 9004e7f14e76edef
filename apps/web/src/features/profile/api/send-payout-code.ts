import { api } from '@/lib/api-client';

/**
 * `POST /api/me/profile/otp`: a code (purpose payout-change) to the resident's own phone, needed to
 * change the bank account or ID number of a saved profile.
 */
export function sendPayoutCode(): Promise<{ challengeId: string; expiresAt: string }> {
  return api.post<{ challengeId: string; expiresAt: string }>('/api/me/profile/otp');
}
