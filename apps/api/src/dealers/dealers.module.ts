import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { AdminOrganizationsController } from './admin-organizations.controller';
import { DealerAccessGuard } from './dealer-access.guard';
import { DealerAccountsService } from './dealer-accounts.service';
import { DealerController, DealerRegistrationController } from './dealers.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { ProductsRepository } from './products.repository';
import { ProductsService } from './products.service';
import { RegistrationService } from './registration.service';

/**
 * Dealer organisations (registration, lifecycle, accounts) and the product register (issue 13,
 * first slice). DealerAccessGuard and ProductsRepository are exported for the later dealer routes.
 */
@Module({
  imports: [ProgramsModule],
  controllers: [DealerRegistrationController, DealerController, AdminOrganizationsController],
  providers: [
    OrganizationsRepository,
    ProductsRepository,
    RegistrationService,
    OrganizationsService,
    DealerAccountsService,
    ProductsService,
    DealerAccessGuard,
  ],
  exports: [OrganizationsRepository, ProductsRepository, DealerAccessGuard],
})
export class DealersModule {}
