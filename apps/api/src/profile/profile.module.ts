import { Module } from '@nestjs/common';
import { ApplicantFactsService } from './applicant-facts.service';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';

@Module({
  controllers: [ProfileController],
  providers: [ProfileService, ApplicantFactsService],
  exports: [ApplicantFactsService],
})
export class ProfileModule {}
