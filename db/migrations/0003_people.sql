CREATE TABLE `pin_resets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`requested_by_customer_id` integer,
	`via` text NOT NULL,
	`new_pin_hash` text NOT NULL,
	`requested_at` integer NOT NULL,
	`effective_at` integer NOT NULL,
	`cancelled_by` text,
	`cancelled_at` integer,
	`applied_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by_customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pin_resets_account_idx` ON `pin_resets` (`account_id`);--> statement-breakpoint
CREATE INDEX `pin_resets_due_idx` ON `pin_resets` (`effective_at`);--> statement-breakpoint
ALTER TABLE `account_lines` ADD `role` text DEFAULT 'line' NOT NULL;--> statement-breakpoint
-- Files imported before holder_phone existed said nothing about the holder: the contract's default, the first phone
-- (lines were stored in phone order, so the lowest number is the first one we can still tell).
UPDATE `account_lines` SET `role` = 'holder' WHERE (`account_id`, `phone`) IN (SELECT `account_id`, min(`phone`) FROM `account_lines` GROUP BY `account_id`);--> statement-breakpoint
DROP INDEX `customers_account_id_unique`;--> statement-breakpoint
-- Each customer so far was the one person of their account: they become its holder, tied to the holder's line.
ALTER TABLE `customers` ADD `phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `customers` SET `phone` = coalesce((SELECT `phone` FROM `account_lines` l WHERE l.`account_id` = `customers`.`account_id` AND l.`role` = 'holder'), '');--> statement-breakpoint
ALTER TABLE `customers` ADD `language` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `access_removed_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `customers_account_phone_unique` ON `customers` (`account_id`,`phone`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `one_time_codes` ADD `phone` text;