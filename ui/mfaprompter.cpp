#include "ui/mfaprompter.h"

#include "ui/mfadialog.h"

#include <QLineEdit>
#include <QTimer>
#include <QWidget>

namespace ui {

MfaPrompter::MfaPrompter(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
{
}

MfaPrompter::~MfaPrompter()
{
    cancelAll();
}

aws::MfaPrompt MfaPrompter::prompt()
{
    return [self = QPointer<MfaPrompter>(this)](const QString &profile, const QString &serialNumber,
               std::function<void(std::optional<QString>)> answer) {
        if (!self) {
            answer(std::nullopt);
            return;
        }
        self->enqueue({ profile, serialNumber, std::move(answer) });
    };
}

void MfaPrompter::enqueue(Request request)
{
    m_waiting.push_back(std::move(request));
    if (!m_dialog)
        showNext();
}

void MfaPrompter::showNext()
{
    if (m_waiting.empty() || m_dialog)
        return;
    const Request &next = m_waiting.front();
    auto *dialog = new MfaDialog(next.profile, next.serialNumber, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (m_dialog != dialog || m_waiting.empty())
            return;
        Request request = std::move(m_waiting.front());
        m_waiting.pop_front();
        m_dialog = nullptr;
        std::optional<QString> code;
        if (result == QDialog::Accepted)
            code = dialog->takeCode();
        request.answer(std::move(code));
        // The next dialog after this one has closed, not inside its finished().
        QTimer::singleShot(0, this, &MfaPrompter::showNext);
    });
    dialog->open();
    emit dialogShown(dialog);
}

void MfaPrompter::cancelAll()
{
    if (m_dialog) {
        MfaDialog *dialog = m_dialog;
        m_dialog = nullptr;
        dialog->codeEdit()->setText(QString());
        dialog->deleteLater();
    }
    std::deque<Request> waiting = std::exchange(m_waiting, {});
    for (Request &request : waiting)
        request.answer(std::nullopt);
}

} // namespace ui
