-- Who follows a contract: the department's (or, for a local plan, the province's) officer it is
-- assigned to; the attention list is read per officer. A contract drawn up before keeps the
-- officer who drew it up, when that was a person (not the demo or the command line).
ALTER TABLE contracts ADD COLUMN officer_id BIGINT REFERENCES users(id);
UPDATE contracts SET officer_id = created_by WHERE created_by IN (SELECT id FROM users);
