-- What an acceptance found, per indicator of the catalogue: the contract's expected quantity
-- and the actual one. The year's outputs are counted from these rows only.
CREATE TABLE acceptance_outputs (
  acceptance_id BIGINT NOT NULL REFERENCES acceptances(id),
  indicator_code TEXT NOT NULL REFERENCES indicators(code),
  expected BIGINT NOT NULL CHECK (expected >= 0),
  actual BIGINT NOT NULL CHECK (actual >= 0),
  PRIMARY KEY (acceptance_id, indicator_code)
);

-- The beneficiary facilities an acceptance confirmed: they enter the facility's support history.
CREATE TABLE acceptance_beneficiaries (
  acceptance_id BIGINT NOT NULL REFERENCES acceptances(id),
  facility_id BIGINT NOT NULL REFERENCES facilities(id),
  PRIMARY KEY (acceptance_id, facility_id)
);
