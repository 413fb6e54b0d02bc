#pragma once

#include "aws/awserror.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// How the window speaks of its connections when it watches several: the status bar's one-line
// summary ("3 connections · 2 answering · updated 12 s ago · eu-prod failing: ExpiredToken"),
// and one line per connection for its tooltip, its accessible description and File → Connection
// Details. The states come from models::FleetConnection::status(); the texts are made here only.
namespace models {

struct ConnectionStatus {
    enum class State {
        Connecting, // no refresh has ended yet (or none can start: nothing resolved so far)
        Answering, // the last refresh succeeded
        Failing, // the last refresh failed, or the configuration stands instead of a connection
    };

    QString label; // "prod · eu-west-1"
    State state = State::Connecting;
    QDateTime lastRefreshed; // the last complete refresh (UTC); invalid: none yet
    QString reason; // Failing: a word or two ("ExpiredToken"), shortReason()
    QString problem; // Failing: the CLI's sentence, its first line

    friend bool operator==(const ConnectionStatus &, const ConnectionStatus &) = default;
};

// A failure in a word or two, for a line with no room for the CLI's sentence: a service error's
// code ("ExpiredTokenException"), else what kind of failure it is ("network error").
QString shortReason(const aws::AwsError &error);

// "3 connections · 2 answering · updated 12 s ago · eu-prod failing: ExpiredToken" at `now`.
// "updated" is the age of the least recent refresh among the answering connections (every
// answering connection's rows are at least that fresh); absent when none answers. One failing
// connection is named with its reason; several are counted ("2 failing"), and the lines name
// them. Connections still connecting are counted ("1 connecting").
QString connectionsSummaryText(const QList<ConnectionStatus> &connections, const QDateTime &now);

// The state of one connection at `now`, without its label: "answering, updated 12:03:05
// (20 s ago)", "failing, last updated 12:03:05 (3 min ago): <problem>", "failing, never updated:
// <problem>", "connecting". Times of day in local time.
QString connectionStateText(const ConnectionStatus &connection, const QDateTime &now);

// One line per connection, in their order: "<label>: <connectionStateText()>".
QStringList connectionStatusLines(const QList<ConnectionStatus> &connections, const QDateTime &now);

} // namespace models
