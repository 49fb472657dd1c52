ALTER TABLE "account_lines" DROP CONSTRAINT "account_lines_account_id_accounts_id_fk";
