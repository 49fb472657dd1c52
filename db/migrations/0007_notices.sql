CREATE TABLE `incident_notices` (
	`incident_id` text NOT NULL,
	`account_id` integer NOT NULL,
	`queued_at` integer NOT NULL,
	`channels` integer NOT NULL,
	PRIMARY KEY(`incident_id`, `account_id`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `incident_timeline` (
	`incident_id` text PRIMARY KEY NOT NULL,
	`discovered_on` text,
	`determined_on` text,
	`authorities_notified_on` text,
	`customers_notified_on` text,
	`updated_at` integer NOT NULL,
	`updated_by_staff_id` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notice_campaigns` (
	`incident_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`total` integer NOT NULL,
	`started_at` integer NOT NULL,
	`started_by_staff_id` integer,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `incident_id` text;--> statement-breakpoint
CREATE INDEX `outbox_incident_idx` ON `outbox` (`incident_id`,`status`);