import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Global: every domain records audit rows. The controller is mounted only by the HTTP app. */
@Global()
@Module({ providers: [AuditService, AuditRepository], exports: [AuditService, AuditRepository] })
export class AuditCoreModule {}

@Module({ controllers: [AuditController] })
export class AuditModule {}
