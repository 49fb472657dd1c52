CREATE TABLE `statements` (
	`reference` text PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`customer_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `accounts` ADD `demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `scheme` text DEFAULT 'sha256' NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `pid` integer;--> statement-breakpoint
ALTER TABLE `imports` ADD `host` text;--> statement-breakpoint
ALTER TABLE `one_time_codes` ADD `browser_hash` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `passkey_id` text;--> statement-breakpoint
CREATE INDEX `sessions_passkey_idx` ON `sessions` (`passkey_id`);--> statement-breakpoint
ALTER TABLE `staff_invites` ADD `revoked_at` integer;