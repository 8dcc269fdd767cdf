// Routes of execution: contracts, payments, progress reports, acceptances, the year's
// completion and the attention list. Thin: read, call app/, reply.
#include <charconv>

#include "app/codec.h"
#include "app/completion.h"
#include "app/contract_changes.h"
#include "app/contracts.h"
#include "app/execution_codec.h"
#include "app/execution_documents.h"
#include "app/execution_records.h"
#include "app/workflow.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::json;
using app::Permission;

// GET list of one kind of execution record, with the usual filters and paging.
template <class T>
Handler list_of(Result<Page<T>> (*list)(store::Connection&, const app::Actor&, ListQuery)) {
  return [list](HandlerContext& ctx, Request& req) {
    auto q = app::list_query_from(req.query);
    if (!q) return problem(q.error(), req.path);
    return reply(list(ctx.db, ctx.actor, *q), req, [](const auto& page) {
      return app::page_json(page, [](const T& x) { return app::to_json(x); });
    });
  };
}

// POST of a record whose body the use case reads.
Handler post_body(Result<json> (*use)(store::Connection&, const app::Actor&, const json&)) {
  return [use](HandlerContext& ctx, Request& req) {
    auto body = body_of(req);
    if (!body) return problem(body.error(), req.path);
    return reply(use(ctx.db, ctx.actor, *body), req, as_is, 201);
  };
}

Response draft_for_decision(HandlerContext& ctx, Request& req) {
  auto id = path_id(req);
  if (!id) return problem(id.error(), req.path);
  return reply(app::draft_decision_contracts(ctx.db, ctx.actor, *id), req, as_is, 201);
}

// The contract's paper (`contract` or `acceptance`) as PDF, or ?format=docx.
Handler paper(const char* which) {
  return [which](HandlerContext& ctx, Request& req) {
    auto id = path_id(req);
    if (!id) return problem(id.error(), req.path);
    return formatted_file(
        req, "pdf", "docx", [&](const std::string& format, const std::string& path) {
          return app::export_contract_paper(ctx.db, ctx.actor, *id, which, format, path);
        });
  };
}

Response completion(HandlerContext& ctx, Request& req) {
  auto q = app::list_query_from(req.query);
  if (!q) return problem(q.error(), req.path);
  return reply(app::completion_json(ctx.db, ctx.actor, *q), req, as_is);
}

Response attention(HandlerContext& ctx, Request& req) {
  Date as_of = app::vietnam_today();
  if (auto it = req.query.find("as_of"); it != req.query.end()) {
    auto d = parse_date(it->second);
    if (!d)
      return problem(Error::invalid("invalid query", {{"as_of", FieldCode::not_date}}), req.path);
    as_of = *d;
    req.query.erase(it);
  }
  std::int64_t officer = 0;  // ?officer=me or an account's id
  if (auto it = req.query.find("officer"); it != req.query.end()) {
    const std::string& v = it->second;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), officer);
    if (v == "me")
      officer = ctx.actor.user_id;
    else if (ec != std::errc{} || end != v.data() + v.size() || officer <= 0)
      return problem(Error::invalid("invalid query", {{"officer", FieldCode::not_id}}), req.path);
    req.query.erase(it);
  }
  auto q = app::list_query_from(req.query);
  if (!q) return problem(q.error(), req.path);
  return reply(app::attention_json(ctx.db, ctx.actor, *q, as_of, officer), req, as_is);
}

}  // namespace

void add_execution_routes(std::vector<Route>& t) {
  auto R = Permission::read_execution, M = Permission::manage_contracts;
  t.push_back({"GET", "/api/v1/contracts",
               "Contracts with filters (year, program, province, status), sorting and paging", R,
               list_of<store::Contract>(app::list_contracts), true});
  t.push_back({"POST", "/api/v1/contracts",
               "A contract: the implementation contract of a planned project, or a support "
               "contract with one of its named beneficiaries",
               M, post_body(app::create_contract)});
  t.push_back({"GET", "/api/v1/contracts/{id}",
               "A contract with its ledger, payments, progress reports and acceptance", R,
               get_one(app::contract_view), true});
  t.push_back({"GET", "/api/v1/contracts/{id}/document",
               "The contract as a document (NĐ 30/2020 layout, funds in figures and words): PDF, "
               "or ?format=docx",
               R, paper("contract"), false, true});
  t.push_back({"GET", "/api/v1/contracts/{id}/acceptance-minutes",
               "The acceptance minutes (outputs planned and achieved, accepted amount, verdict): "
               "PDF, or ?format=docx",
               R, paper("acceptance"), false, true});
  t.push_back({"GET", "/api/v1/contracts/{id}/settlement-minutes",
               "The liquidation minutes of a settled contract (its ledger against the accepted "
               "amount, what remains to pay or refund): PDF, or ?format=docx",
               R, paper("settlement"), false, true});
  t.push_back({"POST", "/api/v1/contracts/{id}/sign", "Sign a draft contract (number, date)", M,
               post_to(app::sign_contract)});
  t.push_back({"POST", "/api/v1/contracts/{id}/terminate",
               "End a contract before acceptance, with its reason (the project is cancelled)", M,
               post_to(app::terminate_contract)});
  t.push_back({"POST", "/api/v1/contracts/{id}/changes",
               "A change with its reason and approving decision: an extension of time (a new "
               "end after the current one), a change of content or of beneficiaries",
               M, post_to(app::change_contract, 201)});
  t.push_back({"POST", "/api/v1/contracts/{id}/officer",
               "Assign the officer who follows the contract (an account that may manage it)", M,
               post_to(app::assign_officer)});
  t.push_back({"POST", "/api/v1/contracts/{id}/visits",
               "A monitoring visit: date, findings, required actions and their deadline", M,
               post_to(app::record_visit, 201)});
  t.push_back({"POST", "/api/v1/contracts/{id}/settle",
               "Settle (thanh lý) an accepted contract whose ledger equals the accepted amount", M,
               post_to(app::settle_contract)});
  t.push_back({"POST", "/api/v1/plans/decisions/{id}/contracts",
               "Draft the implementation contract of every project the decision funds", M,
               draft_for_decision});
  t.push_back({"GET", "/api/v1/payments", "Payments (advances, payments, recoveries) with filters",
               R, list_of<store::Payment>(app::list_payments), true});
  t.push_back({"POST", "/api/v1/payments",
               "Record a payment: checked against the contract, the accepted amount and the "
               "dated advance rules",
               M, post_body(app::record_payment)});
  t.push_back({"GET", "/api/v1/progress-reports", "Progress reports with filters", R,
               list_of<store::ProgressReport>(app::list_progress_reports), true});
  t.push_back({"POST", "/api/v1/progress-reports",
               "File a progress report on a running contract (the implementing unit)",
               Permission::report_progress, post_body(app::file_progress_report)});
  t.push_back({"GET", "/api/v1/acceptances", "Acceptances with their outputs, with filters", R,
               list_of<store::Acceptance>(app::list_acceptances), true});
  t.push_back({"POST", "/api/v1/acceptances",
               "Accept a contract's results: actual outputs per indicator, beneficiaries, "
               "verdict and accepted amount",
               M, post_body(app::accept_contract)});
  t.push_back({"GET", "/api/v1/projects/{id}/execution",
               "The project's contracts with their ledgers, payments, reports and acceptance", R,
               get_one(app::project_execution), true});
  t.push_back({"GET", "/api/v1/facilities/{id}/support",
               "The facility's support history, from the acceptances that confirmed it",
               Permission::read_places, get_one(app::support_history_json), true});
  t.push_back({"GET", "/api/v1/completion",
               "The plan's completion from the records: counts, funds, rates, outputs", R,
               completion, true});
  t.push_back({"GET", "/api/v1/attention",
               "Running contracts that need attention on a day (?as_of=; ?officer=me|ID): no "
               "report, behind schedule, money not drawn, deadline passed",
               R, attention});
}

}  // namespace kc::http
