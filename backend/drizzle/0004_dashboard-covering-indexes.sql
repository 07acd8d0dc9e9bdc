DROP INDEX `mirror_orders_placed_at`;--> statement-breakpoint
CREATE INDEX `mirror_orders_placed_at_bot` ON `mirror_orders` (`placed_at`,`bot_id`);--> statement-breakpoint
DROP INDEX `mirror_trades_closed_at`;--> statement-breakpoint
DROP INDEX `mirror_trades_opened_at`;--> statement-breakpoint
CREATE INDEX `mirror_trades_closed_at_bot` ON `mirror_trades` (`closed_at`,`bot_id`,`mode`,`realised_abs`);--> statement-breakpoint
CREATE INDEX `mirror_trades_opened_at_bot` ON `mirror_trades` (`opened_at`,`bot_id`);