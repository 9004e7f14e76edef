import { Injectable } from '@nestjs/common';
import type { TotpEnrolment } from '@huanxin/shared';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';

const PERIOD_SECONDS = 30;

/**
 * RFC 6238 TOTP (6 digits, 30 s) for the staff and dealer second factor; one step of clock drift
 * allowed. Secrets leave this class only encrypted (`secretEnc`), except once for the QR code.
 */
@Injectable()
export class TotpService {
  constructor(
    private readonly clock: Clock,
    private readonly cipher: PiiCipher,
  ) {}

  /** A new secret, with its encrypted form for storage. */
  newSecret(): { secret: string; secretEnc: string } {
    const secret = generateSecret();
    return { secret, secretEnc: this.cipher.encrypt(secret, 'user.totp') };
  }

  async enrolment(secret: string, accountName: string): Promise<TotpEnrolment> {
    const otpauthUrl = generateURI({ issuer: '章丘换新 Huanxin', label: accountName, secret });
    const qrDataUrl = await QRCode.toDataURL(otpauthUrl, {
      errorCorrectionLevel: 'M',
      margin: 1,
      width: 240,
    });
    return { secret, otpauthUrl, qrDataUrl };
  }

  /** The matched time step for a stored (encrypted) secret, or null. */
  checkSealed(secretEnc: string, token: string): number | null {
    return this.check(this.cipher.decrypt(secretEnc, 'user.totp'), token);
  }

  /** The matched time step, or null. The caller stores the step to refuse replays. */
  check(secret: string, token: string): number | null {
    if (!/^\d{6}$/.test(token)) return null;
    const epoch = Math.floor(this.clock.now().getTime() / 1000);
    const result = verifySync({
      secret,
      token,
      epoch,
      period: PERIOD_SECONDS,
      epochTolerance: PERIOD_SECONDS,
    });
    if (!result.valid) return null;
    return 'timeStep' in result && typeof result.timeStep === 'number'
      ? result.timeStep
      : Math.floor(epoch / PERIOD_SECONDS);
  }
}
