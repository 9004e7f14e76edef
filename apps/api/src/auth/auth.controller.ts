import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type OtpChallenge, type SignedInResponse, type TotpEnrolment } from '@huanxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import type { AuthUser } from '../common/http/request-context';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { CurrentUser, Public, SignedIn } from './auth.decorators';
import { LoginDto, SendOtpDto, TotpConfirmDto, TotpEnrolmentDto, VerifyOtpDto } from './auth.dto';
import { OtpSignInService } from './otp-sign-in.service';
import { OtpService } from './otp.service';
import { PasswordSignInService } from './password-sign-in.service';
import { SessionIssuer } from './session-issuer.service';
import { TotpEnrolmentService } from './totp-enrolment.service';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly otp: OtpService,
    private readonly otpSignIn: OtpSignInService,
    private readonly passwordSignIn: PasswordSignInService,
    private readonly enrolment: TotpEnrolmentService,
    private readonly issuer: SessionIssuer,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post('otp')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a 6-digit sign-in code by SMS (limits: 1/min, 5/h, 10/day per phone, and per IP)',
  })
  sendOtp(@Body() body: SendOtpDto, @Req() request: FastifyRequest): Promise<OtpChallenge> {
    return this.otp.send(body.phone, request.ip);
  }

  @Post('otp/verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign a resident in with the SMS code; sets the session cookie (limited per IP and per phone)',
  })
  async verifyOtp(
    @Body() body: VerifyOtpDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInResponse> {
    const signedIn = await this.otpSignIn.signIn(
      body.challengeId,
      body.code,
      request.ip,
      readSessionCookie(this.config, request),
    );
    setSessionCookie(this.config, reply, signedIn.sessionId);
    return { user: signedIn.user };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Staff and dealer sign-in (password, then TOTP where required); locks for 30 min after 5 failures',
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInResponse> {
    const result = await this.passwordSignIn.signIn(
      body,
      request.ip,
      readSessionCookie(this.config, request),
    );
    if ('enrolmentToken' in result) {
      throw new DomainError(
        ErrorCode.MFA_ENROLMENT_REQUIRED,
        'Set up your authenticator app to finish signing in',
        {
          extra: { enrolmentToken: result.enrolmentToken },
        },
      );
    }
    setSessionCookie(this.config, reply, result.sessionId);
    return { user: result.user };
  }

  @Post('mfa/totp/setup')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'TOTP enrolment step 1: a new secret with its QR code' })
  totpSetup(@Body() body: TotpEnrolmentDto): Promise<TotpEnrolment> {
    return this.enrolment.begin(body.enrolmentToken);
  }

  @Post('mfa/totp/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'TOTP enrolment step 2: confirm with a code; signs in' })
  async totpConfirm(
    @Body() body: TotpConfirmDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInResponse> {
    const signedIn = await this.enrolment.confirm(
      body.enrolmentToken,
      body.totp,
      readSessionCookie(this.config, request),
    );
    setSessionCookie(this.config, reply, signedIn.sessionId);
    return { user: signedIn.user };
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session on the server' })
  async logout(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.issuer.signOut(user);
    clearSessionCookie(this.config, reply);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user' })
  async me(@CurrentUser() user: AuthUser): Promise<SignedInResponse> {
    return { user: await this.issuer.publicUser(user) };
  }
}
