import { Module } from '@nestjs/common';
import { BootstrapAdminService } from './bootstrap-admin/bootstrap-admin.service.js';
import { CreateUserController } from './create-user/create-user.controller.js';
import { CreateUserService } from './create-user/create-user.service.js';
import { ListUsersController } from './list-users/list-users.controller.js';
import { ResetPasswordController } from './reset-password/reset-password.controller.js';
import { ResetPasswordService } from './reset-password/reset-password.service.js';
import { UpdateUserController } from './update-user/update-user.controller.js';
import { UpdateUserService } from './update-user/update-user.service.js';

@Module({
  controllers: [ListUsersController, CreateUserController, UpdateUserController, ResetPasswordController],
  providers: [CreateUserService, UpdateUserService, ResetPasswordService, BootstrapAdminService],
})
export class UsersModule {}
