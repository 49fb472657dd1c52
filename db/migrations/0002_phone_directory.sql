CREATE TABLE `phone_directory` (
	`phone` text NOT NULL,
	`account_id` integer NOT NULL,
	PRIMARY KEY(`phone`, `account_id`)
);
--> statement-breakpoint
DROP INDEX `account_lines_phone_idx`;
--> statement-breakpoint
INSERT INTO `phone_directory` (`phone`, `account_id`) SELECT `phone`, `account_id` FROM `account_lines` ORDER BY `phone`, `account_id`;
