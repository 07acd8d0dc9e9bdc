CREATE TABLE `bot_config_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bot_id` integer NOT NULL,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`reason` text NOT NULL,
	`config` text NOT NULL,
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bot_config_versions_bot_version` ON `bot_config_versions` (`bot_id`,`version`);--> statement-breakpoint
CREATE TABLE `bots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`mode` text NOT NULL,
	`strategy` text NOT NULL,
	`strategy_params` text NOT NULL,
	`timeframe` text NOT NULL,
	`pairs` text NOT NULL,
	`stake_amount` real NOT NULL,
	`max_open_trades` integer NOT NULL,
	`max_exposure` real NOT NULL,
	`stoploss` real,
	`minimal_roi` text,
	`daily_loss_limit` real,
	`desired_state` text NOT NULL,
	`state` text NOT NULL,
	`state_reason` text,
	`error_reason` text,
	`state_since` integer NOT NULL,
	`api_port` integer NOT NULL,
	`config_version` integer NOT NULL,
	`pending_restart` integer NOT NULL,
	`loss_limit_tripped_at` integer,
	`loss_limit_trip_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bots_name_lower_live_unique` ON `bots` (lower("name")) WHERE "bots"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `bots_api_port_live_unique` ON `bots` (`api_port`) WHERE "bots"."deleted_at" IS NULL;--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
