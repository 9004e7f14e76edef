import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { CurrentUser, RequirePermission } from '../../auth/auth.decorators';
import type { AuthUser } from '../../common/http/request-context';
import { ProgramCodeParams } from '../../programs/programs.dto';
import {
  CreateProgramDto,
  CreateVersionDto,
  ProgramVersionParams,
  PublishVersionDto,
} from './program-versions.dto';
import { ProgramVersionsService } from './program-versions.service';

@ApiTags('admin')
@Controller('admin/programs')
@RequirePermission(Permission.ProgramsManage)
export class ProgramVersionsController {
  constructor(private readonly versions: ProgramVersionsService) {}

  @Post()
  @ApiOperation({
    summary:
      'A new program from a definition (a copy under a new code): its draft version 1; 409 PROGRAM_CODE_TAKEN; audited',
  })
  createProgram(@Body() body: CreateProgramDto, @CurrentUser() actor: AuthUser) {
    return this.versions.createProgram(body, actor);
  }

  @Get(':code/versions')
  @ApiOperation({ summary: "A program's versions, drafts included, newest first" })
  list(@Param() params: ProgramCodeParams) {
    return this.versions.list(params.code);
  }

  @Post(':code/versions')
  @ApiOperation({
    summary:
      'A draft version, validated (422 INVALID_PROGRAM_DEFINITION with the JSON pointer `path` of the bad node); audited',
  })
  createDraft(
    @Param() params: ProgramCodeParams,
    @Body() body: CreateVersionDto,
    @CurrentUser() actor: AuthUser,
  ) {
    return this.versions.createDraft(params.code, body, actor);
  }

  @Get(':code/versions/:version')
  @ApiOperation({ summary: "One version with its definition (the editor's diff)" })
  get(@Param() params: ProgramVersionParams) {
    return this.versions.get(params.code, params.version);
  }

  @Post(':code/versions/:version/publish')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Publish a draft (a second administrator): 403 SELF_PUBLISH, 409 ALREADY_PUBLISHED / STALE_DRAFT; retroactive re-prices unpaid claims; audited',
  })
  publish(
    @Param() params: ProgramVersionParams,
    @Body() body: PublishVersionDto,
    @CurrentUser() actor: AuthUser,
  ) {
    return this.versions.publish(params.code, params.version, body, actor);
  }
}
