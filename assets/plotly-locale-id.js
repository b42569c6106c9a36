/* Bahasa Indonesia for plotly's own texts (toolbar tooltips, image download messages) and number and date
 * formats. Plotly reads window.PlotlyLocales when it loads (Dash loads it lazily, after this asset); if it
 * is already there, the locale is registered directly. Graphs pick it with config.locale = "id". */
(function () {
  "use strict";
  var locale = {
    moduleType: "locale",
    name: "id",
    dictionary: {
      "Download plot as a PNG": "Unduh sebagai gambar PNG",
      "Download plot": "Unduh gambar",
      "Reset view": "Kembalikan tampilan",
      "Reset views": "Kembalikan tampilan",
      "Reset axes": "Kembalikan sumbu",
      "Reset": "Kembalikan",
      "Zoom in": "Perbesar",
      "Zoom out": "Perkecil",
      "Zoom": "Perbesar bagian",
      "Pan": "Geser",
      "Autoscale": "Skala otomatis",
      "Preparing image - this may take a few seconds": "Menyiapkan gambar, mohon tunggu beberapa detik",
      "Image download succeeded": "Gambar berhasil diunduh",
      "Sorry, there was a problem downloading your image!": "Maaf, gambar gagal diunduh.",
      "Double-click to zoom back out": "Klik ganda untuk kembali"
    },
    format: {
      days: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
      shortDays: ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
      months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
               "Oktober", "November", "Desember"],
      shortMonths: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
      date: "%d/%m/%Y",
      decimal: ",",
      thousands: "."
    }
  };
  if (window.Plotly && window.Plotly.register) {
    window.Plotly.register(locale);
  } else {
    window.PlotlyLocales = (window.PlotlyLocales || []).concat([locale]);
  }
}());
