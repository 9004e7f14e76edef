import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ApplicantFactsService } from './applicant-facts.service';
import { PayoutProofService } from './payout-proof.service';
import { ProfileWriter } from './profile-writer.service';
import { ProfileController } from './profile.controller';
import { ProfileRepository } from './profile.repository';
import { ProfileService } from './profile.service';

@Module({
  imports: [AuthModule],
  controllers: [ProfileController],
  providers: [ProfileService, ProfileWriter, ProfileRepository, PayoutProofService, ApplicantFactsService],
  exports: [ApplicantFactsService],
})
export class ProfileModule {}
