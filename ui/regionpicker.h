#pragma once

#include <QComboBox>
#include <QString>
#include <QStringList>

namespace ui {

// The region picker: the service's regions (us-east-1, eu-west-1, ap-northeast-2) and any other
// name typed in, checked as botocore checks it. It shows the region in use, wherever it came
// from; choosing one makes it the explicit region, as --region does.
class RegionPicker : public QComboBox {
    Q_OBJECT

public:
    explicit RegionPicker(QWidget *parent = nullptr);

    // The regions Lookout for Equipment was offered in.
    static QStringList serviceRegions();

    // Shows `region` (typed in when it is not one of the list); emits nothing.
    void setRegion(const QString &region);
    QString region() const;

signals:
    // The user chose a region from the list or typed a valid one and pressed Enter.
    void regionChosen(const QString &region);
    // The user typed something that is not a region name; `problem` says why.
    void regionRejected(const QString &problem);

protected:
    void changeEvent(QEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void commit(const QString &text);
    void retranslate();

    QString m_region;
};

} // namespace ui
