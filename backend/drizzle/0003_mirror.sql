CREATE TABLE `equity_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bot_id` integer NOT NULL,
	`mode` text NOT NULL,
	`at` integer NOT NULL,
	`equity` real NOT NULL,
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `equity_samples_bot_mode_at` ON `equity_samples` (`bot_id`,`mode`,`at`);--> statement-breakpoint
CREATE INDEX `equity_samples_at` ON `equity_samples` (`at`);--> statement-breakpoint
CREATE TABLE `mirror_cursors` (
	`bot_id` integer NOT NULL,
	`mode` text NOT NULL,
	`closed_seen` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mirror_cursors_bot_mode` ON `mirror_cursors` (`bot_id`,`mode`);--> statement-breakpoint
CREATE TABLE `mirror_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bot_id` integer NOT NULL,
	`mode` text NOT NULL,
	`ft_trade_id` integer NOT NULL,
	`order_id` text NOT NULL,
	`pair` text NOT NULL,
	`side` text NOT NULL,
	`order_type` text,
	`status` text,
	`price` real,
	`amount` real,
	`filled` real,
	`placed_at` integer NOT NULL,
	`filled_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mirror_orders_bot_mode_order` ON `mirror_orders` (`bot_id`,`mode`,`order_id`);--> statement-breakpoint
CREATE INDEX `mirror_orders_placed_at` ON `mirror_orders` (`placed_at`);--> statement-breakpoint
CREATE TABLE `mirror_trades` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bot_id` integer NOT NULL,
	`mode` text NOT NULL,
	`ft_trade_id` integer NOT NULL,
	`pair` text NOT NULL,
	`is_open` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	`open_rate` real NOT NULL,
	`close_rate` real,
	`amount` real NOT NULL,
	`stake_amount` real NOT NULL,
	`realised_abs` real NOT NULL,
	`profit_ratio` real,
	`exit_reason` text,
	`enter_tag` text,
	`stop_loss_abs` real,
	`strategy` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mirror_trades_bot_mode_ft` ON `mirror_trades` (`bot_id`,`mode`,`ft_trade_id`);--> statement-breakpoint
CREATE INDEX `mirror_trades_open` ON `mirror_trades` (`is_open`,`bot_id`);--> statement-breakpoint
CREATE INDEX `mirror_trades_closed_at` ON `mirror_trades` (`closed_at`);--> statement-breakpoint
CREATE INDEX `mirror_trades_opened_at` ON `mirror_trades` (`opened_at`);