// The amoCRM side of a card page, as amoCRM's widget documentation
// describes it: the global APP (APP.data.current_card.id,
// APP.getBaseEntity(), APP.constant('account')), the system Widget object
// that script.js's constructor is mixed into (params.path, langs,
// system().area, get_settings(), render_template(), i18n()), the
// callbacks called in amoCRM's order — render, init, bind_actions — and
// destroy when the manager leaves the card; on the widget's settings page
// (/settings/widgets/<code>) the form with the hidden input amoCRM keeps a
// `custom` setting in, then settings and, on saving, onSave. RequireJS
// loads script.js from /upl/<code>/widget/ and resolves 'jquery', as in
// amoCRM.
(function () {
  'use strict';
  var AREA = { leads: 'lcard', contacts: 'ccard', companies: 'comcard' };
  var ENTITY_NAME = { leads: 'Сделка', contacts: 'Контакт', companies: 'Компания' };
  var config = JSON.parse(document.getElementById('harness-config').textContent);
  var match = /^\/(leads|contacts|companies)\/detail\/(\d+)$/.exec(window.location.pathname);
  var entity = match ? match[1] : null;
  var id = match ? Number(match[2]) : null;

  window.APP = {
    data: { current_card: { id: id } },
    getBaseEntity: function () { return entity; },
    constant: function (name) {
      if (name === 'account') return config.account;
      if (name === 'user') return { id: 504141, name: 'Менеджер стенда' };
      return undefined;
    },
    lang_id: config.lang,
  };

  requirejs.config({ paths: { jquery: '/vendor/jquery' } });

  function systemWidget($, langs) {
    return {
      params: { path: config.path, widget_code: config.code },
      langs: langs,
      system: function () {
        return { area: entity ? AREA[entity] : 'settings', amouser_id: 504141, amouser: 'manager@touchplan.example', subdomain: config.account.subdomain, domain: window.location.host };
      },
      get_settings: function () {
        return $.extend({ widget_code: config.code, path: config.path, images_path: config.path + '/images', active: 'Y' }, config.settings);
      },
      i18n: function (key) { return langs[key]; },
      // The widget's block in the card's right-hand column: a caption with
      // logo_medium.png, then the body and the rendered template.
      render_template: function (options) {
        var block = $('<div class="card-widgets__widget"></div>').attr('data-code', config.code);
        var caption = $('<div class="card-widgets__widget__caption"></div>')
          .addClass((options.caption && options.caption.class_name) || '')
          .append($('<img alt="">').attr('src', config.path + '/images/logo_medium.png'));
        var body = $('<div class="card-widgets__widget__body"></div>').append(options.body || '').append(options.render || '');
        $('#widgets_block').append(block.append(caption, body));
      },
    };
  }

  function startCard($, widget) {
    var callbacks = widget.callbacks;
    var ok = callbacks.render.call(widget) && callbacks.init.call(widget) && callbacks.bind_actions.call(widget);
    window.harness = {
      widget: widget,
      started: ok === true,
      // Leaving the card: amoCRM calls destroy and drops the right column.
      leaveCard: function () {
        callbacks.destroy.call(widget);
        $('#widgets_block').empty();
      },
    };
  }

  function startSettings($, widget) {
    var $body = $('<form class="widget-settings__modal"></form>')
      .append($('<input type="hidden" name="field_map">').val(config.settings.field_map || ''));
    $('#card_fields').append($body);
    widget.callbacks.settings.call(widget, $body);
    window.harness = {
      widget: widget,
      started: true,
      // «Сохранить»: onSave with the form's fields; what amoCRM would store.
      save: function () {
        var fields = {};
        $.each($body.serializeArray(), function (i, field) { fields[field.name] = field.value; });
        return widget.callbacks.onSave.call(widget, { fields: fields }) === true ? fields : null;
      },
    };
  }

  requirejs(['jquery'], function ($) {
    if (entity) {
      $('#card_entity').text(ENTITY_NAME[entity] + ' #' + id);
      $.getJSON('/api/v4/' + entity + '/' + id).done(function (card) { $('#card_name').text(card.name); });
    } else {
      $('#card_name').text('Настройки виджета');
    }
    $.getJSON(config.path + '/i18n/' + config.lang + '.json').done(function (langs) {
      requirejs([config.path + '/script.js'], function (CustomWidget) {
        CustomWidget.prototype = systemWidget($, langs);
        var widget = new CustomWidget();
        if (entity) startCard($, widget);
        else startSettings($, widget);
      });
    });
  });
})();
