#include "planning/mip.h"

#include <fmt/format.h>

#include <cmath>

namespace kc::planning {

namespace {

int add_row(Mip& m, std::string name, std::vector<std::pair<int, double>> terms, double lo,
            double hi) {
  m.row_names.push_back(std::move(name));
  m.rows.push_back(std::move(terms));
  m.row_lo.push_back(lo);
  m.row_hi.push_back(hi);
  return static_cast<int>(m.rows.size()) - 1;
}

void add_col(Mip& m, std::string name, double lo, double hi, double obj, bool integer,
             const std::string& note) {
  m.col_names.push_back(std::move(name));
  m.col_lo.push_back(lo);
  m.col_hi.push_back(hi);
  m.obj.push_back(obj);
  m.integer.push_back(integer);
  m.col_notes.push_back(note);
}

// "funded" of candidate i: x_i (+ z_i with partial funding), as row terms with a sign.
void funded_terms(const Formulation& f, std::size_t i, double sign,
                  std::vector<std::pair<int, double>>& out) {
  out.emplace_back(x_col(i), sign);
  if (f.partial) out.emplace_back(z_col(f, i), sign);
}

}  // namespace

Mip build_mip(const Formulation& f, const std::vector<std::string>& codes, const Variant& v) {
  Mip m;
  const std::size_t n = f.size();
  const auto& fix = v.fix.empty() ? f.fix : v.fix;
  auto obj = [&](double c) { return v.zero_objective ? 0.0 : c; };
  for (std::size_t i = 0; i < n; ++i) {
    bool out = fix[i] == Fix::out, in = fix[i] == Fix::in && !f.partial;
    add_col(m, fmt::format("x{}", i), in ? 1 : 0, out ? 0 : 1, obj(f.whole_coefficient(i)), true,
            codes[i]);
  }
  if (f.partial) {
    for (std::size_t i = 0; i < n; ++i) {
      bool possible = fix[i] != Fix::out && f.partial_min_m[i] <= f.partial_max_m[i];
      add_col(m, fmt::format("z{}", i), 0, possible ? 1 : 0, 0, true, codes[i]);
    }
    for (std::size_t i = 0; i < n; ++i)
      add_col(m, fmt::format("p{}", i), 0,
              static_cast<double>(std::max<std::int64_t>(f.partial_max_m[i], 0)),
              obj(f.partial_coefficient(i)), true, codes[i]);
  }
  for (std::size_t r = 0; r < f.rows.size(); ++r) {
    if (!v.rows_on.empty() && !v.rows_on[r]) continue;
    const Row& row = f.rows[r];
    std::vector<std::pair<int, double>> terms;
    for (auto [i, frac] : row.terms) {
      terms.emplace_back(x_col(i), frac * f.request_m[i]);
      if (f.partial) terms.emplace_back(p_col(f, i), frac);
    }
    add_row(m, fmt::format("r{}", r), std::move(terms), row.lo, row.hi);
  }
  if (f.partial) {
    for (std::size_t i = 0; i < n; ++i) {
      auto lo = static_cast<double>(f.partial_min_m[i]),
           hi = static_cast<double>(f.partial_max_m[i]);
      add_row(m, fmt::format("pmax{}", i), {{p_col(f, i), 1}, {z_col(f, i), -std::max(hi, 0.0)}},
              -kInfinity, 0);
      add_row(m, fmt::format("pmin{}", i), {{p_col(f, i), 1}, {z_col(f, i), -lo}}, 0, kInfinity);
      std::vector<std::pair<int, double>> one;
      funded_terms(f, i, 1, one);
      bool in = fix[i] == Fix::in;
      add_row(m, fmt::format("once{}", i), std::move(one), in ? 1 : -kInfinity, 1);
    }
  }
  if (v.bundles_on) {
    for (std::size_t b = 0; b < f.bundles.size(); ++b) {
      const auto& members = f.bundles[b];
      for (std::size_t k = 1; k < members.size(); ++k) {
        std::vector<std::pair<int, double>> terms;
        funded_terms(f, members[k - 1], 1, terms);
        funded_terms(f, members[k], -1, terms);
        add_row(m, fmt::format("b{}_{}", b, k), std::move(terms), 0, 0);
      }
    }
  }
  return m;
}

namespace {

void write_terms(std::ostream& out, const std::vector<std::pair<int, double>>& terms,
                 const Mip& m) {
  int on_line = 0;
  for (auto [c, a] : terms) {
    if (a == 0) continue;
    out << (a < 0 ? " - " : " + ") << fmt::format("{:.12g}", std::abs(a)) << ' ' << m.col_names[c];
    if (++on_line % 8 == 0) out << "\n ";
  }
  if (on_line == 0) out << " 0 " << m.col_names.front();
}

}  // namespace

void write_lp(const Mip& m, std::ostream& out) {
  out << "\\ Khuyen Cong plan model, amounts in million dong: x<i> funds proposal i whole;"
         " z<i>/p<i> fund a part (whole millions)\n";
  for (std::size_t c = 0; c < m.col_names.size() && m.col_names[c][0] == 'x'; ++c)
    out << "\\ " << m.col_names[c] << " = " << m.col_notes[c] << "\n";
  out << "Maximize\n obj:";
  std::vector<std::pair<int, double>> objective;
  for (std::size_t c = 0; c < m.obj.size(); ++c)
    objective.emplace_back(static_cast<int>(c), m.obj[c]);
  write_terms(out, objective, m);
  out << "\nSubject To\n";
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    bool lo = m.row_lo[r] > -kInfinity, hi = m.row_hi[r] < kInfinity;
    auto side = [&](const char* suffix, const char* op, double rhs) {
      out << ' ' << m.row_names[r] << suffix << ':';
      write_terms(out, m.rows[r], m);
      out << ' ' << op << ' ' << fmt::format("{:.12g}", rhs) << '\n';
    };
    if (lo && hi && m.row_lo[r] == m.row_hi[r]) {
      side("", "=", m.row_lo[r]);
    } else {
      if (hi) side(lo ? "_max" : "", "<=", m.row_hi[r]);
      if (lo) side(hi ? "_min" : "", ">=", m.row_lo[r]);
    }
  }
  out << "Bounds\n";
  for (std::size_t c = 0; c < m.col_names.size(); ++c)
    out << ' ' << fmt::format("{:.12g}", m.col_lo[c]) << " <= " << m.col_names[c]
        << " <= " << fmt::format("{:.12g}", m.col_hi[c]) << '\n';
  out << "General\n";
  for (std::size_t c = 0; c < m.col_names.size(); ++c)
    if (m.integer[c]) out << ' ' << m.col_names[c] << '\n';
  out << "End\n";
}

}  // namespace kc::planning
