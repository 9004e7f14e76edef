import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ApplicantFactsService } from './applicant-facts.service';
import { PayoutProofService } from './payout-proof.service';
import { ProfileWriter } from './profile-writer.service';
import { ProfileController } from './profile.controller';
import { ProfileRepository } from './profile.repository';
import { ProfileService } from './profile.service';
import { RevealLimiter } from './reveal-limit';
import { RevealController } from './reveal.controller';
import { RevealRepository } from './reveal.repository';
import { RevealService } from './reveal.service';

@Module({
  imports: [AuthModule],
  controllers: [ProfileController, RevealController],
  providers: [
    ProfileService,
    ProfileWriter,
    ProfileRepository,
    PayoutProofService,
    ApplicantFactsService,
    RevealService,
    RevealRepository,
    RevealLimiter,
  ],
  exports: [ApplicantFactsService],
})
export class ProfileModule {}
