import { Global, Module } from '@nestjs/common';
import { AuditConsoleService } from './audit-console.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { SecurityAuditService } from './security-audit.service';

/** Global: every domain records audit rows. The controller is mounted only by the HTTP app. */
@Global()
@Module({
  providers: [AuditService, AuditRepository, SecurityAuditService],
  exports: [AuditService, AuditRepository, SecurityAuditService],
})
export class AuditCoreModule {}

@Module({ controllers: [AuditController], providers: [AuditConsoleService] })
export class AuditModule {}
