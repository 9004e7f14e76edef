import { Module } from '@nestjs/common';
import { ApplicantFactsService } from './applicant-facts.service';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';
import { RevealLimiter } from './reveal-limit';
import { RevealController } from './reveal.controller';
import { RevealRepository } from './reveal.repository';
import { RevealService } from './reveal.service';

@Module({
  controllers: [ProfileController, RevealController],
  providers: [ProfileService, ApplicantFactsService, RevealService, RevealRepository, RevealLimiter],
  exports: [ApplicantFactsService],
})
export class ProfileModule {}
