#pragma once
// The papers of execution, in the layout of NĐ 30/2020/NĐ-CP and filled from the records: the
// implementation contract (parties, outputs, duration, funds in figures and words, the advance
// rule in force), the acceptance minutes (outputs planned and achieved, the accepted amount,
// the verdict) and the liquidation minutes of a settled contract (the ledger against the
// accepted amount: what remains to pay or to refund). The wording is data/templates/
// contract.json, acceptance.json and settlement.json.
#include "app/exports.h"
#include "app/policy.h"

namespace kc::app {

// `paper`: "contract" | "acceptance" | "settlement"; `format`: "pdf" | "docx". Whoever may read the
// contract.
Result<ExportResult> export_contract_paper(store::Connection& db, const Actor& a,
                                           std::int64_t contract_id, const std::string& paper,
                                           const std::string& format, const std::string& path);

}  // namespace kc::app
