import { Module } from '@nestjs/common';
import { BudgetProcessor } from './budget.processor';
import { BudgetRepository } from './budget.repository';

@Module({ providers: [BudgetRepository, BudgetProcessor], exports: [BudgetRepository] })
export class BudgetModule {}
