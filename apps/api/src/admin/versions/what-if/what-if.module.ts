import { Module } from '@nestjs/common';
import { EligibilityModule } from '../../../eligibility/eligibility.module';
import { ClaimReevaluation } from './claim-reevaluation';
import { WhatIfController } from './what-if.controller';
import { WhatIfProcessor } from './what-if.processor';
import { WhatIfService } from './what-if.service';

/**
 * The what-if of a draft version (issue 15): the route, its job's processor (the worker imports
 * this module too) and the re-evaluation the retroactive re-pricing shares.
 */
@Module({
  imports: [EligibilityModule],
  controllers: [WhatIfController],
  providers: [ClaimReevaluation, WhatIfService, WhatIfProcessor],
  exports: [ClaimReevaluation],
})
export class WhatIfModule {}
