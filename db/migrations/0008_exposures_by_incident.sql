DROP INDEX `exposures_incident_idx`;--> statement-breakpoint
CREATE INDEX `exposures_incident_idx` ON `exposures` (`incident_id`,`account_id`);