import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@huanxin/shared';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { AuthUser } from '../common/http/request-context';
import { DealerRoutes, OrgPermission } from './dealer-access.guard';
import { DealerAccountsService } from './dealer-accounts.service';
import { CreateDealerUserDto, CreateProductDto, RegistrationDto, UpdateProductPriceDto } from './dealers.dto';
import { ProductsService } from './products.service';
import { RegistrationService } from './registration.service';

@ApiTags('dealer')
@Controller('dealer/registrations')
export class DealerRegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post()
  @Public()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Register an organisation (public): pending until the commerce office approves; 409 USCC_IN_USE, USCC_DISQUALIFIED, USERNAME_IN_USE',
  })
  register(@Body() body: RegistrationDto, @Ip() ip: string) {
    return this.registration.register(body, ip);
  }
}

/** The dealer's own organisation, accounts and product register. */
@ApiTags('dealer')
@Controller('dealer')
@DealerRoutes()
export class DealerController {
  constructor(
    private readonly accounts: DealerAccountsService,
    private readonly products: ProductsService,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The caller’s organisation (payout account masked) and account' })
  me(@CurrentUser() user: AuthUser) {
    return this.accounts.me(user);
  }

  @Get('users')
  @ApiOperation({ summary: 'The organisation’s dealer accounts' })
  users(@CurrentUser() user: AuthUser) {
    return this.accounts.listUsers(user);
  }

  @Post('users')
  @HttpCode(201)
  @OrgPermission(Permission.DealerStaffManage)
  @ApiOperation({
    summary:
      'Add a staff account to the caller’s organisation (organisation admins only: 403 ORG_ADMIN_REQUIRED); password policy applies',
  })
  createUser(@CurrentUser() user: AuthUser, @Body() body: CreateDealerUserDto) {
    return this.accounts.createUser(user, body);
  }

  @Get('products')
  @ApiOperation({ summary: 'The organisation’s product register with price histories' })
  listProducts(@CurrentUser() user: AuthUser) {
    return this.products.list(user);
  }

  @Post('products')
  @HttpCode(201)
  @ApiOperation({ summary: 'File a product (GTIN-13 checked) with its filed price; 409 DUPLICATE_PRODUCT' })
  createProduct(@CurrentUser() user: AuthUser, @Body() body: CreateProductDto) {
    return this.products.create(user, body);
  }

  @Patch('products/:id')
  @ApiOperation({
    summary: 'Change the filed price (history kept; a raise > 10 % within 90 days is flagged for review)',
  })
  changePrice(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: UpdateProductPriceDto,
  ) {
    return this.products.changePrice(user, id, body);
  }
}
