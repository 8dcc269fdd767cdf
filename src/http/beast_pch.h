// Precompiled header for the HTTP layer: Boost.Beast and Asio are slow to parse.
#pragma once
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
