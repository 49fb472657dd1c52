CREATE TABLE `protections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`line` text NOT NULL,
	`lock` text NOT NULL,
	`confirmed` text DEFAULT 'off' NOT NULL,
	`confirmed_at` integer,
	`pending` text,
	`failed_at` integer,
	`request_id` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `protections_lock_idx` ON `protections` (`account_id`,`line`,`lock`);--> statement-breakpoint
CREATE TABLE `provisioning_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`protection_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`line` text,
	`lock` text NOT NULL,
	`state` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_by_customer_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`protection_id`) REFERENCES `protections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `provisioning_due_idx` ON `provisioning_requests` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `provisioning_protection_idx` ON `provisioning_requests` (`protection_id`);