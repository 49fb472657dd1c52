CREATE TABLE "incident_notices" (
	"incident_id" text NOT NULL,
	"account_id" integer NOT NULL,
	"queued_at" timestamp (3) with time zone NOT NULL,
	"channels" integer NOT NULL,
	CONSTRAINT "incident_notices_incident_id_account_id_pk" PRIMARY KEY("incident_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "incident_timeline" (
	"incident_id" text PRIMARY KEY NOT NULL,
	"discovered_on" text,
	"determined_on" text,
	"authorities_notified_on" text,
	"customers_notified_on" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by_staff_id" integer
);
--> statement-breakpoint
CREATE TABLE "notice_campaigns" (
	"incident_id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"started_by_staff_id" integer,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "incident_id" text;--> statement-breakpoint
ALTER TABLE "incident_notices" ADD CONSTRAINT "incident_notices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_campaigns" ADD CONSTRAINT "notice_campaigns_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_incident_idx" ON "outbox" USING btree ("incident_id","status");