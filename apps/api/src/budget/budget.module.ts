import { Module } from '@nestjs/common';
import { BudgetRepository } from './budget.repository';

@Module({ providers: [BudgetRepository], exports: [BudgetRepository] })
export class BudgetModule {}
