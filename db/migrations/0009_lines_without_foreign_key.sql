PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_account_lines` (
	`account_id` integer NOT NULL,
	`phone` text NOT NULL,
	`role` text DEFAULT 'line' NOT NULL,
	PRIMARY KEY(`account_id`, `phone`)
);
--> statement-breakpoint
INSERT INTO `__new_account_lines`("account_id", "phone", "role") SELECT "account_id", "phone", "role" FROM `account_lines`;--> statement-breakpoint
DROP TABLE `account_lines`;--> statement-breakpoint
ALTER TABLE `__new_account_lines` RENAME TO `account_lines`;--> statement-breakpoint
PRAGMA foreign_keys=ON;