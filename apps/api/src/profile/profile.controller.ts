import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../common/http/request-context';
import { PayoutProofService } from './payout-proof.service';
import { UpdateProfileDto } from './profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@Controller()
export class ProfileController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly payoutProof: PayoutProofService,
  ) {}

  @Get('me/profile')
  @RequirePermission(Permission.ProfileReadOwn)
  @ApiOperation({ summary: "The resident's real-name details, masked" })
  get(@CurrentUser() user: AuthUser) {
    return this.profiles.get(user.id);
  }

  @Put('me/profile')
  @RequirePermission(Permission.ProfileWriteOwn)
  @ApiOperation({
    summary:
      'Save real-name details (with the separate consent); answers masked. Changing the bank account or ID number of an existing profile needs { otpChallengeId, otpCode }',
  })
  save(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto, @Req() request: FastifyRequest) {
    return this.profiles.save(user.id, body, request.ip);
  }

  @Post('me/profile/otp')
  @RequirePermission(Permission.ProfileWriteOwn)
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Send a code (purpose payout-change) to the resident's own phone, to change the bank account or ID number",
  })
  sendPayoutCode(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest) {
    return this.payoutProof.send(user.id, request.ip);
  }
}
